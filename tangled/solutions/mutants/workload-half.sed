# file: 2-complexity/workload.c
# loses: complexity_workload
0,/i + 1 < n; i++)/s//i + 1 < n \/ 2; i++)/
