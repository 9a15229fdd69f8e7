"""Teachers' contribution workflow: `jejak new`, `jejak import …` and the issue form."""
