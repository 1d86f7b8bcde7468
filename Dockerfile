# One image for web and workers. CPU torch by default; the GPU worker builds with TORCH_EXTRA="" and gets
# PyPI's torch wheel, which bundles the CUDA runtime (the host supplies only the NVIDIA driver).
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
ARG TORCH_EXTRA="--extra-index-url https://download.pytorch.org/whl/cpu"
COPY requirements.txt .
RUN pip install ${TORCH_EXTRA} -r requirements.txt
COPY . .
RUN DJANGO_SECRET_KEY=build DATABASE_URL=postgres://x@localhost/x REDIS_URL=redis://localhost:6379 \
    python manage.py collectstatic --noinput -v 0
# /models: the named volume for download_models takes this owner when it is first created.
RUN useradd --create-home app && mkdir -p /models && chown -R app /app /models
USER app
EXPOSE 8000
CMD ["daphne", "-b", "0.0.0.0", "-p", "8000", "journaling.asgi:application"]
