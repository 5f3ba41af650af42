# file: 2-complexity/workload.c
# loses: complexity_workload
0,/i < n; i++)/s//i < n \/ 2; i++)/
