"""The two Bawaslu offices of the demo, each with a web login and an API token; the name is the stable key."""

BAWASLU_OFFICES = {
    "lebong": {
        "name": "Bawaslu Kabupaten Lebong",
        "level": "regency",
        "username": "bawaslu.lebong",
        "email": "bawaslu.lebong@example.com",
    },
    "bengkulu": {
        "name": "Bawaslu Provinsi Bengkulu",
        "level": "province",
        "username": "bawaslu.bengkulu",
        "email": "bawaslu.bengkulu@example.com",
    },
}
