from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ml_models.registry import PRODUCTION, local_dir


class Command(BaseCommand):
    help = "Fetch the production sentiment and emotion models from the Hugging Face hub into ML_MODELS_DIR."

    def handle(self, *args, **options):
        try:
            from huggingface_hub import constants, snapshot_download
        except ImportError as exc:  # pragma: no cover - a dependency of transformers
            raise CommandError("huggingface_hub is not installed") from exc
        # Settings switch the hub off for every process (models load from disk only); this command is the one
        # place meant to reach it. The library reads this flag at each request.
        offline, constants.HF_HUB_OFFLINE = constants.HF_HUB_OFFLINE, False
        try:
            self._fetch_all(snapshot_download)
        finally:
            constants.HF_HUB_OFFLINE = offline
        self.stdout.write(
            self.style.SUCCESS("models downloaded; set ML_SENTIMENT_MODEL and ML_EMOTION_MODEL to use them")
        )

    def _fetch_all(self, snapshot_download):
        for hub_id in PRODUCTION:
            target = local_dir(settings.ML_MODELS_DIR, hub_id)
            self.stdout.write(f"fetching {hub_id} -> {target}")
            try:
                snapshot_download(
                    hub_id,
                    local_dir=target,
                    allow_patterns=["*.json", "*.txt", "*.safetensors", "merges.txt", "vocab.*"],
                    etag_timeout=10,
                )
            except Exception as exc:  # noqa: BLE001 - turn any network fault into one clear message
                raise CommandError(
                    f"could not download {hub_id}: {type(exc).__name__}: {str(exc)[:300]}\n"
                    "This machine cannot reach the model hub. "
                    f"Copy the model folder to {target} from a machine with internet, then set "
                    f"ML_SENTIMENT_MODEL / ML_EMOTION_MODEL to the hub id."
                ) from None
