"""The elections the demo reports are about; the name is the stable key (Pemilu 2029 has no dates yet)."""

# name, kind, year, region, campaign start, campaign end, voting day
ELECTIONS = {
    "pilkada2024": (
        "Pilkada 2024 Kabupaten Lebong",
        "pilkada",
        2024,
        "Kabupaten Lebong",
        "2024-09-25",
        "2024-11-23",
        "2024-11-27",
    ),
    "pemilu2024": ("Pemilu 2024", "pemilu", 2024, "Nasional", "2023-11-28", "2024-02-10", "2024-02-14"),
    "pemilu2029": ("Pemilu 2029", "pemilu", 2029, "Nasional", None, None, None),
}
