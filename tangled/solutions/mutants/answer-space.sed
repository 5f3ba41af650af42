# file: 2-complexity/answer.txt
# loses: complexity_answers
s/^space: O(n)$/space: O(1)/
