"""Child process for the crash/busy tests: writes synthetic articles to a store, one line per committed article.

    python writer_child.py STORE N [--hold]
--hold: after writing, keep the store open until stdin closes (the busy test)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synth import article  # noqa: E402

from eventcoder.store import Store  # noqa: E402


def main() -> None:
    path, n = sys.argv[1], int(sys.argv[2])
    with Store.open(path) as store:
        for i in range(n):
            a, ms = article(i)
            res = store.add_article(a, ms)
            print(f"{res.status} {a.id}", flush=True)
        print("ready", flush=True)
        if "--hold" in sys.argv:
            sys.stdin.read()


if __name__ == "__main__":
    main()
