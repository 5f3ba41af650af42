# file: 2-complexity/answer.txt
# keeps: complexity_min_calls_claim
1s/^/\xef\xbb\xbf/
s/^min_calls: 2n - 2$/min_calls: （２Ｎ－２）/
s/$/\r/
