"""``peoa demo``: PEOA's main job on its embedded defaults, end to end.

It starts (or reuses) Neo4j, loads the bundled knowledge base and the tool
documentation into the graph (unchanged documents are skipped), then answers a
real engineering question with the default offline models, showing every step.
"""

from __future__ import annotations

from typing import Annotated

import typer

from peoa.cli.output import console

DEFAULT_QUESTION = (
    "A centrifugal pump delivers 20 m3/h of water (density 998 kg/m3) against a total "
    "head of 35 m. The pump efficiency is 70 %. What brake power does the pump need?"
)


def demo(
    question: Annotated[
        str, typer.Option("--question", "-q", help="Ask this instead.")
    ] = DEFAULT_QUESTION,
) -> None:
    """Start Neo4j, load the knowledge base, and answer an engineering question end to end."""
    from peoa.agent import Assistant, Solution
    from peoa.cli.agent_cmd import _show_event, _show_solution
    from peoa.graph import Ingestor, migrate
    from peoa.graph.bundled import ingest_bundled

    console.rule("Neo4j and the knowledge graph")
    assistant = Assistant()
    try:
        driver = assistant.driver  # starts Neo4j if needed, applies migrations, loads tool docs
        migrate(driver)
        report = ingest_bundled(Ingestor(driver, assistant.embedder))
        changed = sum(1 for f in report.files if f.status not in {"unchanged", "skipped"})
        console.print(
            f"{len(report.files)} knowledge documents in the graph ({changed} updated now)"
        )

        console.rule("Question")
        console.print(question)
        solution = None
        for event in assistant.stream(question):
            if event.kind == "final":
                solution = Solution.model_validate(event.data)
            else:
                _show_event(event)
        assert solution is not None
        _show_solution(solution)
    finally:
        assistant.close()


def register(root: typer.Typer) -> None:
    root.command("demo")(demo)
