"""`clinassist eval`: score the current index and settings on a gold question set.

Registered in `assistant.cli` as `app.command("eval")(eval_command)`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from assistant.cli.render import console, print_error, print_json


def _fail(message: str, code: int = 2) -> typer.Exit:
    print_error(message)
    return typer.Exit(code)


def eval_command(
    gold: Annotated[
        Path,
        typer.Argument(
            help='Gold questions, JSON Lines: {"id","question","answerable","doc","pages"}.'
        ),
    ],
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a self-contained HTML report here.")
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the metrics as JSON on stdout.")
    ] = False,
    compare_to: Annotated[
        Path | None,
        typer.Option("--compare", help="Results saved by an earlier --save: show before → after."),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option("--save", help="Write the full results (metrics + every question) here."),
    ] = None,
) -> None:
    """Run every gold question through the assistant and measure answer quality."""
    from assistant.cli.state import settings
    from assistant.evaluation.eval_compare import ResultsError, compare, load_results, save_results
    from assistant.evaluation.eval_gold import GoldError, load_gold
    from assistant.evaluation.evaluation import build_results, run_evaluation, run_metadata

    try:
        questions = load_gold(gold)
        before = load_results(compare_to) if compare_to else None
    except (GoldError, ResultsError) as exc:
        raise _fail(str(exc)) from exc
    for target in (report, save):
        if target is not None and target.is_dir():
            raise _fail(f"{target} is a folder; give a file name")

    import time

    from assistant.answering.llm import LLMError
    from assistant.core.services import build_engine
    from knowledge.errors import KnowledgeError

    s = settings()
    started = time.perf_counter()
    try:
        engine = build_engine(s)  # the model loads once for all questions
        with _progress(len(questions), quiet=False) as tick:
            rows = run_evaluation(engine, questions, tick)
        meta = run_metadata(engine, gold, questions)
    except (LLMError, KnowledgeError) as exc:
        raise _fail(str(exc), code=1) from exc
    meta["duration_s"] = round(time.perf_counter() - started, 1)
    results = build_results(rows, meta)
    comparison = compare(before, results) if before is not None else None
    if comparison is not None:
        results["comparison"] = comparison

    if save is not None:
        try:
            save_results(results, save)
        except OSError as exc:
            raise _fail(f"cannot write {save}: {exc}", code=1) from exc
        console.print(f"results saved to {save}", markup=False, highlight=False)
    if report is not None:
        from assistant.evaluation.eval_report import render_html

        try:
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text(render_html(results, comparison), encoding="utf-8")
        except OSError as exc:
            raise _fail(f"cannot write {report}: {exc}", code=1) from exc
        console.print(f"report written to {report}", markup=False, highlight=False)

    if json_output:
        data = {"meta": meta, "metrics": results["metrics"]}
        if comparison is not None:
            data["comparison"] = comparison
        print_json(data)
    else:
        _print_summary(results["metrics"], comparison)


class _progress:
    """A rich progress bar on stderr, fed by run_evaluation's callback."""

    def __init__(self, total: int, quiet: bool):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(
            TextColumn("asking"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            console=console,
            disable=quiet,
            transient=True,
        )
        self.total = total

    def __enter__(self):
        self.bar.__enter__()
        task = self.bar.add_task("eval", total=self.total, detail="")

        def tick(done: int, total: int, q) -> None:
            self.bar.update(task, completed=done, detail=q.id if q is not None else "")

        return tick

    def __exit__(self, *exc):
        return self.bar.__exit__(*exc)


def _print_summary(metrics: dict, comparison: dict | None) -> None:
    from rich.table import Table

    from assistant.cli.render import out
    from assistant.evaluation.eval_report import fmt_delta, fmt_metric
    from assistant.evaluation.evaluation import METRICS

    table = Table(title=f"{metrics['questions']} questions ({metrics['answerable']} answerable)")
    table.add_column("measure")
    table.add_column("result", justify="right")
    if comparison:
        table.add_column("before", justify="right")
        table.add_column("change", justify="right")
    for name, (label, _, _) in METRICS.items():
        cells = [label, fmt_metric(name, metrics.get(name))]
        if comparison:
            m = comparison["metrics"][name]
            change = fmt_delta(name, m["delta"])
            cells += [
                fmt_metric(name, m["before"]),
                Text(f"{change} regression", style="red") if m["regression"] else change,
            ]
        table.add_row(*cells)
    out.print(table)
    out.print(f"{metrics['failures']} failures (listed in the report)")
