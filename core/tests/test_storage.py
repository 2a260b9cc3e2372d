import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.storage import remove_files_on_failure
from core.testing import stored_files


def test_files_stored_in_a_failing_block_are_removed(private_storage):
    with pytest.raises(RuntimeError), remove_files_on_failure() as stored:
        stored.append(default_storage.save("evidence/a.bin", ContentFile(b"a")))
        raise RuntimeError("the transaction rolled back")

    assert stored_files(private_storage) == []


def test_files_stored_in_a_successful_block_are_kept(private_storage):
    with remove_files_on_failure() as stored:
        stored.append(default_storage.save("evidence/b.bin", ContentFile(b"b")))

    assert [path.name for path in stored_files(private_storage)] == ["b.bin"]
