"""Managing journeys: one journey over many iterations, and many journeys at once.

- :func:`history` (module ``iterations``) follows one journey over its iterations
  (files, or every committed revision of one file through git): the mean of each
  scale per phase per iteration, each step's trajectory, each improvement action's
  lifecycle and whether its effect lasted. :func:`render_history` writes it as text,
  Markdown, JSON, tidy CSV, an SVG chart (:func:`history_svg`) or a web page
  (:func:`history_html`).
- :func:`portfolio` (module ``overview``) looks at many journeys at once: the action
  board, pain points that recur across journeys, the lowest-rated moments of truth,
  actions done without lasting effect, the balance of themes and scopes, journeys not
  measured again for too long. :func:`render_portfolio` writes it as text, Markdown, JSON,
  CSV or a web page (:func:`portfolio_html`).

This package sits at the edges: it uses the core (the model, :func:`klantreis.diff`,
:mod:`klantreis.aggregate`) and no exporter. Its submodules load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klantreis._lazy import lazy

if TYPE_CHECKING:
    from klantreis.manage.chart import history_svg, sparkline
    from klantreis.manage.git import GitError, GitRevision, revisions
    from klantreis.manage.history_render import (
        HISTORY_FORMAT_VERSION,
        history_to_data,
        render_history,
    )
    from klantreis.manage.iterations import (
        ActionLifecycle,
        History,
        HistoryError,
        Lasting,
        PhaseSeries,
        Revision,
        Series,
        StatusChange,
        StepTrajectory,
        history,
    )
    from klantreis.manage.overview import (
        BoardItem,
        JourneyEntry,
        Moment,
        PainGroup,
        PainPointRef,
        Portfolio,
        Stale,
        journey_files,
        portfolio,
        similar,
    )
    from klantreis.manage.pages import history_html, portfolio_html
    from klantreis.manage.portfolio_render import (
        PORTFOLIO_FORMAT_VERSION,
        portfolio_to_data,
        render_portfolio,
    )
    from klantreis.manage.tidy import TABLES, TidyError, tidy_tables, write_tidy

__all__ = [
    "HISTORY_FORMAT_VERSION",
    "PORTFOLIO_FORMAT_VERSION",
    "TABLES",
    "ActionLifecycle",
    "BoardItem",
    "GitError",
    "GitRevision",
    "History",
    "HistoryError",
    "JourneyEntry",
    "Lasting",
    "Moment",
    "PainGroup",
    "PainPointRef",
    "PhaseSeries",
    "Portfolio",
    "Revision",
    "Series",
    "Stale",
    "StatusChange",
    "StepTrajectory",
    "TidyError",
    "history",
    "history_html",
    "history_svg",
    "history_to_data",
    "journey_files",
    "portfolio",
    "portfolio_html",
    "portfolio_to_data",
    "render_history",
    "render_portfolio",
    "revisions",
    "similar",
    "sparkline",
    "tidy_tables",
    "write_tidy",
]

_LAZY = {
    "history_svg": ".chart",
    "history_html": ".pages",
    "portfolio_html": ".pages",
    "TABLES": ".tidy",
    "TidyError": ".tidy",
    "tidy_tables": ".tidy",
    "write_tidy": ".tidy",
    "BoardItem": ".overview",
    "JourneyEntry": ".overview",
    "Moment": ".overview",
    "PainGroup": ".overview",
    "PainPointRef": ".overview",
    "Portfolio": ".overview",
    "Stale": ".overview",
    "journey_files": ".overview",
    "portfolio": ".overview",
    "similar": ".overview",
    "PORTFOLIO_FORMAT_VERSION": ".portfolio_render",
    "portfolio_to_data": ".portfolio_render",
    "render_portfolio": ".portfolio_render",
    "GitError": ".git",
    "GitRevision": ".git",
    "revisions": ".git",
    "ActionLifecycle": ".iterations",
    "History": ".iterations",
    "HistoryError": ".iterations",
    "Lasting": ".iterations",
    "PhaseSeries": ".iterations",
    "Revision": ".iterations",
    "Series": ".iterations",
    "StatusChange": ".iterations",
    "StepTrajectory": ".iterations",
    "history": ".iterations",
    "HISTORY_FORMAT_VERSION": ".history_render",
    "history_to_data": ".history_render",
    "render_history": ".history_render",
    "sparkline": ".chart",
}


__getattr__, __dir__ = lazy(__name__, _LAZY, __all__)
