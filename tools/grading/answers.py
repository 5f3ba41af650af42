"""Answer files: "key: value" lines, read leniently and parsed, never run.

A value goes on over the following indented lines.  Text typed on Windows
or with a Chinese input method is normalised first: a byte-order mark, CRLF,
full-width letters, digits and parentheses (NFKC), Θ for O, N for n.
Expressions in n are read by a small recursive-descent parser: integers, n,
+ - * / (integer division), parentheses and 2n for 2 * n, with limits on length, depth and
size, so that no answer can make the grader work long or use much memory."""
import re
import unicodedata

MAX_FILE_BYTES = 64 * 1024
MAX_EXPRESSION = 200
MAX_DEPTH = 32
MAX_MAGNITUDE = 10 ** 30


def normalize(text):
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFKC", text)
    return text.replace("Θ", "O").replace("θ", "O").replace("×", "*").replace("÷", "/")


def read_fields(path):
    """The fields of an answer file as a dict; keys are lower case."""
    with open(path, "rb") as f:
        raw = f.read(MAX_FILE_BYTES)
    text = normalize(raw.decode("utf-8", errors="replace"))
    fields, key = {}, None
    for line in text.split("\n"):
        if line.startswith("#") or not line.strip():
            continue
        if line[0].isspace() and key:
            fields[key] += " " + line.strip()
        elif ":" in line:
            key, value = line.split(":", 1)
            key = key.strip().lower()
            fields[key] = value.strip()
    return fields


class ParseError(ValueError):
    pass


TOKEN = re.compile(r"\s*(?:(\d+)|([nN])|([-+*/()]))")


def tokens(text):
    pos, out = 0, []
    text = text.strip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            bad = text[pos:].lstrip()[:12]
            raise ParseError(f"cannot read {bad!r} (only integers, n, + - * / and parentheses)")
        out.append(m.group(1) or (m.group(2) and "n") or m.group(3))
        pos = m.end()
    return out


class Expression:
    """An expression in n, parsed once and evaluated for many n."""

    def __init__(self, text):
        text = normalize(text).strip()
        if not text or text == "?":
            raise ParseError("no expression given")
        if len(text) > MAX_EXPRESSION:
            raise ParseError(f"longer than {MAX_EXPRESSION} characters")
        self.text = text
        self.toks = tokens(text)
        self.pos = 0
        self.tree = self.sum(0)
        if self.pos != len(self.toks):
            raise ParseError(f"unexpected {self.toks[self.pos]!r}")

    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self):
        tok = self.peek()
        if tok is None:
            raise ParseError("the expression ends too early")
        self.pos += 1
        return tok

    def sum(self, depth):
        node = self.product(depth)
        while self.peek() in ("+", "-"):
            node = (self.take(), node, self.product(depth))
        return node

    def product(self, depth):
        node = self.factor(depth)
        while self.peek() in ("*", "/", "n", "("):
            op = self.take() if self.peek() in ("*", "/") else "*"
            node = (op, node, self.factor(depth))
        return node

    def factor(self, depth):
        if depth > MAX_DEPTH:
            raise ParseError("nested too deeply")
        tok = self.take()
        if tok == "(":
            node = self.sum(depth + 1)
            if self.take() != ")":
                raise ParseError("a parenthesis is not closed")
            return node
        if tok == "-":
            return ("-", 0, self.factor(depth + 1))
        if tok == "n":
            return "n"
        if tok.isdigit():
            return int(tok)
        raise ParseError(f"unexpected {tok!r}")

    def __call__(self, n):
        return self.evaluate(self.tree, n)

    def evaluate(self, node, n):
        if node == "n":
            return n
        if isinstance(node, int):
            return node
        op, a, b = node
        a, b = self.evaluate(a, n), self.evaluate(b, n)
        if op == "+":
            v = a + b
        elif op == "-":
            v = a - b
        elif op == "*":
            v = a * b
        elif b == 0:
            raise ParseError(f"division by zero at n = {n}")
        else:
            v = int(a / b) if (a < 0) != (b < 0) else a // b
        if abs(v) > MAX_MAGNITUDE:
            raise ParseError(f"the value grows beyond {MAX_MAGNITUDE:.0e} at n = {n}")
        return v
