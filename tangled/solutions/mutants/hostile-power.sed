# file: 2-complexity/answer.txt
# loses: complexity_peak_claim
s/^peak_ranges: n$/peak_ranges: 9**9**9**9**9/
