"""Ranking for the recap: shared ranks on the shown percentage, and the podium."""

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.ranking import Entry, percent, podium, rank


def ranks(entries: list[Entry]) -> list[tuple[int, str, int]]:
    return [(r.rank, r.entry.code, r.percent) for r in rank(entries)]


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    entries = [
        Entry("A", 50.0),
        Entry("B", 100.0),
        Entry("C", 50.0, overdue=2),
        Entry("D", 50.0),
        Entry("E", 0.0),
    ]
    assert ranks(entries) == [
        (1, "B", 100),
        (2, "A", 50),  # within a tie: fewer overdue first, then the code
        (2, "D", 50),
        (2, "C", 50),
        (5, "E", 0),
    ]


def test_units_are_ranked_on_the_percentage_they_are_shown_with() -> None:
    assert ranks([Entry("A", 66.7), Entry("B", 67.2), Entry("C", 66.4)]) == [
        (1, "A", 67),
        (1, "B", 67),
        (3, "C", 66),
    ]
    assert (percent(66.5), percent(0.4), percent(99.5)) == (67, 0, 100)


def test_a_unit_with_zero_percent_is_never_on_the_podium() -> None:
    ranked = rank([Entry("A", 80.0), Entry("B", 0.0), Entry("C", 0.3)])
    assert [[r.entry.code for r in place] for place in podium(ranked)] == [["A"]]
    assert podium(rank([Entry("A", 0.0), Entry("B", 0.0)])) == []


def test_the_podium_is_ranks_one_to_three_with_their_ties() -> None:
    ranked = rank(
        [Entry(code, score) for code, score in zip("ABCDEF", (90, 90, 80, 70, 70, 60), strict=True)]
    )
    places = [[(r.rank, r.entry.code) for r in place] for place in podium(ranked)]
    assert places == [[(1, "A"), (1, "B")], [(3, "C")]]
    ranked = rank([Entry(code, 100.0) for code in "ABCD"] + [Entry("E", 90.0)])
    assert [len(place) for place in podium(ranked)] == [4]  # four share the first place


@given(st.lists(st.floats(min_value=0, max_value=100), max_size=40))
def test_a_rank_is_one_more_than_the_number_shown_higher(scores: list[float]) -> None:
    ranked = rank([Entry(f"U{i:02d}", score) for i, score in enumerate(scores)])
    assert sorted(r.entry.code for r in ranked) == sorted(f"U{i:02d}" for i in range(len(scores)))
    for r in ranked:
        assert r.rank == 1 + sum(1 for other in ranked if other.percent > r.percent)
    assert [r.percent for r in ranked] == sorted((r.percent for r in ranked), reverse=True)
