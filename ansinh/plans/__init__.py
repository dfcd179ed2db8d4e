"""Plans: targets, milestones, tasks, assignments, reporting duties, funding, cascade links."""
