"""The grader's pieces: the sandbox, the servers' protocol, the models and
the answer files.  tools/grade puts them together; appendix "评分程序" of the
book explains the design."""
