from inspection_outcomes.cli import app

app(prog_name="outcomes")
