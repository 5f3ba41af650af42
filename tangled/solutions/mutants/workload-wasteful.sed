# file: 2-complexity/workload.c
# loses: complexity_workload_fewest_calls
s/i + 1 < n; i++)/i < n; i++)/g
