"""The reporting cycle: indicators, cycles, submissions, approval, roll-up and progress."""
