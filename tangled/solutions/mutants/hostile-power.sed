# file: 2-complexity/answer.txt
# loses: complexity_min_calls_claim
s/^min_calls: 2n - 2$/min_calls: 9**9**9**9**9/
