"""The outcome of one import or preview: counts, and the reasons for whatever was skipped."""

from dataclasses import asdict, dataclass, field

MAX_REASONS = 200


@dataclass
class ImportReport:
    format: str = ""
    dry_run: bool = False
    new: int = 0
    duplicate: int = 0
    skipped: int = 0
    topics_created: int = 0
    reasons: list[dict] = field(default_factory=list)
    # Set when reading stopped early (a damaged file): what came before it is kept, and this says why.
    stopped: str = ""

    def skip(self, where: str, reason: str) -> None:
        self.skipped += 1
        if len(self.reasons) < MAX_REASONS:
            self.reasons.append({"where": where, "reason": reason})

    @property
    def reasons_left_out(self) -> int:
        return self.skipped - len(self.reasons)

    def as_dict(self) -> dict:
        return {**asdict(self), "reasons_left_out": self.reasons_left_out}

    @classmethod
    def from_dict(cls, data: dict) -> "ImportReport":
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)
