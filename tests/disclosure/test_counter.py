"""Why the index-number counter is a plain persistent object.

Two transactions on two connections ask for the next number at the same
moment. With ``Counter`` the second commit conflicts and, retried, gets the
next number. A conflict-resolving ``BTrees.Length`` would merge both
increments and let both transactions keep the same number: shown here too,
so nobody "optimises" the counter into one.
"""

from BTrees.Length import Length
from zhengwu.disclosure.index_numbers import IndexNumberRegistry
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError
import pytest
import transaction
import ZODB


@pytest.fixture
def db(tmp_path):
    database = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    with database.transaction() as conn:
        conn.root()["registry"] = IndexNumberRegistry()
        conn.root()["length"] = Length()
    yield database
    database.close()


def _two_connections(db):
    tm1, tm2 = transaction.TransactionManager(), transaction.TransactionManager()
    return (tm1, db.open(tm1).root()), (tm2, db.open(tm2).root())


def test_simultaneous_numbers_conflict_and_the_retry_gets_the_next(db):
    (tm1, root1), (tm2, root2) = _two_connections(db)
    first = root1["registry"].next_number("CODE", 2026, "uid-1")
    second = root2["registry"].next_number("CODE", 2026, "uid-2")
    assert first == second == "CODE/2026-00001"  # both read the same state…
    tm1.commit()
    with pytest.raises(ConflictError):  # …so the second cannot commit
        tm2.commit()
    tm2.abort()
    retried = root2["registry"].next_number("CODE", 2026, "uid-2")
    tm2.commit()
    assert retried == "CODE/2026-00002"


def test_a_conflict_resolving_counter_would_hand_out_a_number_twice(db):
    (tm1, root1), (tm2, root2) = _two_connections(db)
    root1["length"].change(1)
    root2["length"].change(1)
    numbers = {root1["length"](), root2["length"]()}
    tm1.commit()
    tm2.commit()  # no conflict: Length merges the increments
    assert numbers == {1}  # both transactions used number 1
