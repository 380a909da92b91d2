"""Behaviour of our reference files that the level tests leave to the reader.

The level tests check what the problem's contract decides. The page answers the
questions it leaves open (its "Clarifying questions" section), and those answers
are tested here, against every kept state of the reference, never against a
reader's file: a reader who settled one of them another way has not failed.
Also here: malformed queries, the starter, the oracle's own checks, the cost
claims of the page's Complexity section, and the follow-ups in followups.py.
"""
import importlib
import threading
from collections import Counter

import pytest

from snippets.coding.cloud_file_storage import solution as reference
from snippets.coding.cloud_file_storage.followups import (DedupStore, QuotaLedger,
                                                          check_then_add, upload)
from snippets.coding.cloud_file_storage.solution import solution
from tests.coding.cloud_file_storage.oracle import (ListModel, check_against_the_model,
                                                    random_queries)
from tests.coding.shared import CountingDict, kept

PACKAGE = "snippets.coding.cloud_file_storage"
KEPT = kept(__file__)
REFERENCES = {name: importlib.import_module(f"{PACKAGE}.{name}").solution for name in KEPT}
REACHES = {"level1": 1, "level2": 2, "level3": 3, "solution": 4}


def reaching(level: int) -> list[str]:
    return [name for name in REFERENCES if REACHES[name] >= level]


def test_every_kept_state_is_checked():
    assert KEPT == list(REACHES)


# Malformed input: we fail loudly, naming the query, rather than answer "".

@pytest.mark.parametrize("name", REFERENCES)
@pytest.mark.parametrize(("query", "message"), [
    (["PUT_FILE", "/a", "1"], "unknown operation 'PUT_FILE'"),
    (["GET_FILE_SIZE"], "GET_FILE_SIZE takes 1 arguments, got 0"),
    (["ADD_FILE", "/a", "1", "2"], "ADD_FILE takes 2 arguments, got 3"),
    (["ADD_FILE", "/a", "-5"], "ADD_FILE: argument 2 must be a whole number, got '-5'"),
    (["ADD_FILE", "/a", "2.5"], "ADD_FILE: argument 2 must be a whole number, got '2.5'"),
    (["ADD_FILE", "/a", ""], "ADD_FILE: argument 2 must be a whole number, got ''"),
])
def test_a_malformed_query_raises_instead_of_guessing(name, query, message):
    with pytest.raises(ValueError, match=message):
        REFERENCES[name]([query])


@pytest.mark.parametrize("name", reaching(3))
def test_a_capacity_that_is_not_a_whole_number_is_named(name):
    with pytest.raises(ValueError, match="ADD_USER: argument 2 must be a whole number, got 'lots'"):
        REFERENCES[name]([["ADD_USER", "u", "lots"]])


def test_the_starter_fails_loudly_until_the_reader_fills_it_in():
    from snippets.coding.cloud_file_storage.starter import solution as starter

    with pytest.raises(NotImplementedError, match="level 1"):
        starter([["ADD_FILE", "/a", "1"]])


# The page's answers to the open questions, one test each.

@pytest.mark.parametrize("name", REFERENCES)
def test_sizes_come_back_as_plain_decimal_and_zero_is_a_size(name):
    queries = [["ADD_FILE", "/a", "007"], ["GET_FILE_SIZE", "/a"], ["ADD_FILE", "/z", "0"],
               ["DELETE_FILE", "/z"]]
    assert REFERENCES[name](queries) == ["true", "7", "true", "0"]


@pytest.mark.parametrize("name", reaching(2))
def test_the_zero_largest_files_are_an_empty_answer(name):
    assert REFERENCES[name]([["ADD_FILE", "/a", "1"], ["GET_N_LARGEST", "/", "0"]])[-1] == ""


@pytest.mark.parametrize("name", reaching(2))
def test_names_of_equal_size_sort_by_code_point_so_capitals_first(name):
    queries = [["ADD_FILE", "/b", "1"], ["ADD_FILE", "/a", "1"], ["ADD_FILE", "/B", "1"],
               ["ADD_FILE", "/a.txt", "1"], ["ADD_FILE", "/a/x", "1"], ["GET_N_LARGEST", "/", "9"]]
    assert REFERENCES[name](queries)[-1] == "/B(1), /a(1), /a.txt(1), /a/x(1), /b(1)"


@pytest.mark.parametrize("name", reaching(3))
def test_the_administrator_is_not_a_user_anyone_can_name(name):
    queries = [["ADD_FILE", "/a", "4"], ["ADD_USER", "admin", "10"],
               ["ADD_FILE_BY", "admin", "/b", "10"], ["ADD_FILE_BY", "admin", "/c", "1"]]
    assert REFERENCES[name](queries) == ["true", "true", "0", ""]


def test_the_administrators_files_cannot_be_compressed_by_anyone():
    queries = [["ADD_FILE", "/a", "4"], ["ADD_USER", "admin", "10"], ["COMPRESS_FILE", "admin", "/a"]]
    assert solution(queries)[-1] == ""


def test_compressed_files_count_for_get_n_largest_under_their_new_name_and_size():
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"], ["ADD_FILE", "/b", "30"],
               ["COMPRESS_FILE", "u", "/a"], ["GET_N_LARGEST", "/", "5"]]
    assert solution(queries)[-1] == "/b(30), /a.COMPRESSED(20)"


def test_compressing_fails_when_the_compressed_name_is_taken():
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"], ["COMPRESS_FILE", "u", "/a"],
               ["ADD_FILE_BY", "u", "/a", "10"], ["COMPRESS_FILE", "u", "/a"],
               ["GET_FILE_SIZE", "/a"], ["GET_FILE_SIZE", "/a.COMPRESSED"]]
    assert solution(queries)[-3:] == ["", "10", "20"]


def test_compressing_an_odd_size_fails_rather_than_lose_a_byte():
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "7"], ["COMPRESS_FILE", "u", "/a"],
               ["GET_FILE_SIZE", "/a"]]
    assert solution(queries)[-2:] == ["", "7"]


def test_a_file_is_compressed_exactly_when_its_name_ends_with_the_suffix():
    queries = [["ADD_USER", "u", "100"],
               ["ADD_FILE_BY", "u", "/x.COMPRESSED", "10"],           # added under that name
               ["DECOMPRESS_FILE", "u", "/x.COMPRESSED"], ["GET_FILE_SIZE", "/x"],
               ["COMPRESS_FILE", "u", "/x"],                            # back to 10
               ["COPY_FILE", "/x.COMPRESSED", "/plain"],                # a plain name: plain file
               ["COMPRESS_FILE", "u", "/plain"], ["GET_FILE_SIZE", "/plain.COMPRESSED"]]
    assert solution(queries) == ["true", "90", "80", "20", "90", "true", "85", "5"]


def test_the_lower_case_suffix_of_the_reports_text_is_an_ordinary_name():
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a.compressed", "40"],
               ["DECOMPRESS_FILE", "u", "/a.compressed"], ["COMPRESS_FILE", "u", "/a.compressed"],
               ["GET_FILE_SIZE", "/a.compressed.COMPRESSED"]]
    assert solution(queries)[-3:] == ["", "80", "20"]


# The same model with every open question reached, compared with each kept state.

@pytest.mark.parametrize("level", [1, 2, 3, 4])
@pytest.mark.parametrize("seed", range(10))
def test_every_kept_state_agrees_with_the_model_where_the_contract_is_silent(level, seed):
    queries = random_queries(seed, level, contract_only=False)
    for name in reaching(level):
        check_against_the_model(REFERENCES[name], queries)


# The oracle's own checks: the level tests' sequences avoid every open question,
# the unrestricted ones reach them, and both exercise every way to fail and succeed.

def outcomes(contract_only: bool) -> tuple[Counter, Counter]:
    answers, questions = Counter(), Counter()
    for seed in range(20):
        model = ListModel()
        for query in random_queries(seed, 4, contract_only=contract_only):
            if question := model.open_question(query):
                questions[question] += 1
            answers[query[0], model.answer(query) not in {"", "false"}] += 1
    return answers, questions


def test_the_level_tests_sequences_reach_no_open_question_and_cover_every_outcome():
    answers, questions = outcomes(contract_only=True)
    assert not questions
    for operation in ["ADD_FILE", "GET_FILE_SIZE", "DELETE_FILE", "GET_N_LARGEST", "ADD_USER",
                      "ADD_FILE_BY", "COPY_FILE", "COMPRESS_FILE", "DECOMPRESS_FILE"]:
        assert answers[operation, True] >= 10 and answers[operation, False] >= 10, operation


def test_the_unrestricted_sequences_reach_every_open_question():
    _, questions = outcomes(contract_only=False)
    assert len(questions) == 7, questions


# The Complexity section's claim: only GET_N_LARGEST walks the files or the users;
# every other operation touches a fixed number of dictionary entries.

@pytest.mark.parametrize("seed", range(5))
def test_only_get_n_largest_walks_the_store(seed):
    storage = reference.Storage()
    storage._files, storage._users = CountingDict(), CountingDict()
    CountingDict.reset()
    queries = random_queries(seed, 4, 400, contract_only=False)
    for query in queries:
        reference.run(storage, query)
    assert CountingDict.walks == sum(q[0] == "GET_N_LARGEST" for q in queries)


# The follow-ups (our own material).

def test_dedup_stores_identical_bytes_once_and_charges_every_owner():
    store = DedupStore({"ann": 100, "bob": 100})
    assert store.upload("ann", "/a", b"same" * 10) == 60
    assert store.upload("bob", "/b", b"same" * 10) == 60
    assert store.upload("bob", "/c", b"other") == 55
    assert store.physical_bytes() == 45


def test_a_dedup_copy_adds_no_bytes_but_is_charged_and_needs_room():
    store = DedupStore({"ann": 100})
    store.upload("ann", "/a", b"x" * 40)
    assert store.copy("/a", "/b") and store.physical_bytes() == 40 and store.left("ann") == 20
    assert not store.copy("/a", "/c")            # 40 more would exceed 100
    assert not store.copy("/a", "/b")            # the name is taken
    assert not store.copy("/missing", "/d")


def test_dedup_frees_bytes_only_when_the_last_name_goes():
    store = DedupStore({"ann": 100, "bob": 100})
    store.upload("ann", "/a", b"x" * 40)
    store.upload("bob", "/b", b"x" * 40)
    assert store.delete("/a") and store.physical_bytes() == 40 and store.left("ann") == 100
    assert store.delete("/b") and store.physical_bytes() == 0
    assert not store.delete("/b")


def test_a_dedup_upload_under_a_taken_name_or_over_capacity_is_refused():
    store = DedupStore({"ann": 10})
    assert store.upload("ann", "/a", b"12345") == 5
    assert store.upload("ann", "/a", b"9") is None
    assert store.upload("ann", "/b", b"123456") is None
    assert store.physical_bytes() == 5


def test_check_then_add_admits_two_uploads_where_one_fits():
    used = {"u": 0}
    both_checked = threading.Barrier(2, timeout=10)    # both threads pass the check, then both add
    results = []
    threads = [threading.Thread(target=lambda: results.append(
        check_then_add(used, 10, "u", 8, pause=both_checked.wait))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True, True] and used["u"] == 16    # over the capacity of 10


def test_check_then_add_alone_is_correct():
    used = {"u": 0}
    assert check_then_add(used, 10, "u", 8) and not check_then_add(used, 10, "u", 8)


def test_the_ledger_never_admits_more_than_the_capacity_under_many_threads():
    ledger = QuotaLedger({"u": 1000, "v": 50})
    admitted = []
    start = threading.Barrier(16, timeout=10)

    def worker():
        start.wait()
        admitted.extend(ledger.reserve("u", 7) for _ in range(50))

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(admitted) == 1000 // 7 and ledger.used("u") == 7 * (1000 // 7)
    assert ledger.used("v") == 0


def test_a_failed_write_gives_its_reservation_back():
    ledger = QuotaLedger({"u": 10})

    def broken():
        raise OSError("disk full")

    assert not upload(ledger, "u", 8, broken) and ledger.used("u") == 0
    assert upload(ledger, "u", 8, lambda: None) and ledger.used("u") == 8
    assert not upload(ledger, "u", 8, lambda: None) and ledger.used("u") == 8


def test_replaying_journal_records_a_snapshot_already_holds_is_not_harmless():
    """The crash follow-up: replay must skip the records a snapshot includes."""
    storage = reference.Storage()
    journal = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"], ["COMPRESS_FILE", "u", "/a"]]
    for query in journal:
        reference.run(storage, query)
    assert reference.run(storage, ["GET_FILE_SIZE", "/a"]) == ""     # compressed away
    assert [reference.run(storage, q) for q in journal] == ["false", "40", ""]
    assert reference.run(storage, ["GET_FILE_SIZE", "/a"]) == "40"   # and is back, charged to u
    assert reference.run(storage, ["ADD_FILE_BY", "u", "/b", "41"]) == ""
