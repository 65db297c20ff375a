"""An English group reads English everywhere: file names, role names, help."""

from datetime import datetime

from storage import people
from tests.helpers import ADMIN, ANI, GROUP, JAKARTA, SITI, Harness

MEETING = "/meeting Asset working group | Thursday (26/11) 09.00 | Room 2"


async def test_files_are_named_in_english(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/language en")
    card, invitation = await group.say(GROUP, ADMIN, MEETING)
    assert invitation.document[0] == "meeting-1.ics"
    group.clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=JAKARTA))
    document, _ = await group.say(GROUP, ADMIN, "/minutes 1")
    assert document.document[0] == "minutes-meeting-1.docx"
    await group.say(GROUP, ADMIN, "/bahasa id")
    _, invitation = await group.say(GROUP, ADMIN, "/rapat ubah 1 | Jumat (27/11) pukul 10.00")
    assert invitation.document[0] == "rapat-1.ics"


async def test_roles_are_named_and_understood_in_english(group: Harness) -> None:
    await group.say(GROUP, ADMIN, "/language en")
    await group.say(GROUP, SITI, "hello")
    text = await group.reply_text(GROUP, ADMIN, "/role @siti_bapperida observer")
    assert "is now: observer" in text
    assert (await people.get_member(group.db, GROUP, SITI)).role == "pengamat"
    message = group.fake.send_message(GROUP, ANI, "staff here")
    await group.settle()
    await group.say(GROUP, ADMIN, "/role member", reply_to=message["message_id"])
    assert (await people.get_member(group.db, GROUP, ANI)).role == "anggota"
    usage = await group.reply_text(GROUP, ADMIN, "/role @siti_bapperida king")
    assert "Roles: coordinator, member, observer." in usage
    [unknown] = await group.say(GROUP, ADMIN, "/role @nobody_here anggota")
    assert "with <code>/role member</code>" in unknown.html
    help_text = await group.reply_text(GROUP, ADMIN, "/help")
    assert "/role — Set a role: coordinator, member, observer" in help_text
    assert "/role @username coordinator" in await group.reply_text(GROUP, ADMIN, "/help role")
    # The Indonesian words keep working, in either language.
    await group.say(GROUP, ADMIN, "/role @siti_bapperida koordinator")
    assert (await people.get_member(group.db, GROUP, SITI)).role == "koordinator"
