"""Each unit's attendance as the minutes state it: the room decides, the RSVP only says why."""

from bot.services.room import tally, unit_records
from storage.attendance import Presence
from storage.rsvps import Rsvp, UnitAttendance


def unit(unit_id: int, code: str, *answers: str) -> UnitAttendance:
    rsvps = tuple(
        Rsvp(100 + n, f"Orang {n}", unit_id, code, code, answer) for n, answer in enumerate(answers)
    )
    return UnitAttendance(unit_id, code, f"Instansi {code}", rsvps)


def pressed(unit_id: int, name: str, at: int) -> Presence:
    return Presence(unit_id, "", 1, name, name, at)


def marked(unit_id: int, by: str, at: int) -> Presence:
    return Presence(unit_id, "", None, None, by, at)


def test_attendance_is_what_was_recorded_in_the_room() -> None:
    units = [
        unit(1, "SETDA"),  # the chair's unit, no RSVP: present all the same
        unit(2, "DISHUB", "hadir"),  # said yes, nobody came
        unit(3, "BAPPERIDA", "wakil"),  # represented, and someone came
        unit(4, "DLH", "tidak"),  # sent word
        unit(5, "KEC", "tidak"),  # said no, came after all
        unit(6, "SATPOL"),  # no word at all
    ]
    presence = [
        pressed(1, "Asisten", 900),
        pressed(3, "Siti", 905),
        pressed(3, "Rina", 903),
        marked(5, "Asisten", 910),
        pressed(1, "Asisten", 920),  # a second row of the same person names them once
    ]
    records = {record.code: record for record in unit_records(units, presence)}
    assert {code: record.status for code, record in records.items()} == {
        "SETDA": "hadir",
        "DISHUB": "silent",
        "BAPPERIDA": "wakil",
        "DLH": "tidak",
        "KEC": "hadir",
        "SATPOL": "silent",
    }
    assert records["BAPPERIDA"].people == ("Siti", "Rina")
    assert records["BAPPERIDA"].since == 903
    assert records["SETDA"].people == ("Asisten",)
    assert (records["KEC"].people, records["KEC"].marked_by) == ((), "Asisten")
    assert (records["DLH"].since, records["DLH"].present) == (None, False)
    assert tally(list(records.values())) == {"hadir": 2, "wakil": 1, "tidak": 1, "silent": 2}
