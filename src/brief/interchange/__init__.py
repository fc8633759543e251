"""Moving a notebook in and out: the JSON interchange file, CSV tables,
CSL-JSON for reference managers, and the Markdown memo's material."""

from .exporter import export_json
from .importer import SECTIONS, ImportReport, import_json, record_count, run_import

__all__ = ["SECTIONS", "ImportReport", "export_json", "import_json", "record_count", "run_import"]
