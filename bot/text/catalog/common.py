"""Texts shared by every feature: errors, refusals, roles."""

ID = {
    "common.error": "Maaf, terjadi kendala saat memproses perintah ini. Silakan coba lagi sebentar lagi.",
    "common.role.koordinator": "koordinator",
    "common.role.anggota": "anggota",
    "common.role.pengamat": "pengamat",
    "common.button_invalid": "Tombol ini tidak berlaku.",
}

EN = {
    "common.error": "Sorry, something went wrong while handling this command. Please try again shortly.",
    "common.role.koordinator": "coordinator",
    "common.role.anggota": "member",
    "common.role.pengamat": "observer",
    "common.button_invalid": "This button is not valid.",
}
