from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Train the crisis classifier head on the crisis dev sets and ordinary diary passages, choose C and the "
        "threshold by stratified 5-fold CV, and write psychology/weights/crisis_head.json. Deterministic."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cache", help="pickle of sentence vectors to reuse between runs (e.g. /tmp/...)")
        parser.add_argument("--dry-run", action="store_true", help="print the CV figures, write nothing")

    def handle(self, *args, cache=None, dry_run=False, **options):
        from ml_models.pipeline import get_embedder
        from psychology import crisis_head_train as T
        from psychology.dev_eval import CachedEmbed

        embed = CachedEmbed(get_embedder().encode, cache)
        statements = T.load_statements()
        weights = T.train(statements, embed, log=self.stdout.write)
        embed.save()
        cv = weights["cv"]
        for name in ("head_alone", "rules_and_prototypes", "detector"):
            self.stdout.write(f"CV {name}: {T._fmt(cv[name])}")
        self.stdout.write(f"chosen C={weights['C']} threshold={weights['threshold']} window={weights['window']}")
        if not dry_run:
            T.save(weights)
            self.stdout.write(self.style.SUCCESS(f"wrote {T.crisis_head.WEIGHTS}"))
            self.stdout.write(
                "the operating point was chosen for the old weights: run choose_crisis_thresholds --write"
            )
