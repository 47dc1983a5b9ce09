"""Follow-up tasks with deadlines, arising from a visit, an agreement or a case."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, RecordMixin, RefMixin, enum_column, label
from huedesk.db.enums import TaskStatus


class FollowUpTask(RecordMixin, RefMixin, Base):
    """Something to do by a date; ``source_kind``/``source_uuid`` name the record it came from.

    The source is named by kind and UUID rather than a foreign key so one table
    serves every kind of source and survives merging between laptops;
    ``huedesk check`` verifies each source exists.
    """

    __tablename__ = "follow_up_task"

    title: Mapped[str] = mapped_column(String(500), info=label("Công việc", "Task"))
    due_date: Mapped[dt.date | None] = mapped_column(index=True, info=label("Hạn", "Due date"))
    status: Mapped[TaskStatus] = mapped_column(
        enum_column(TaskStatus, "task_status"), index=True, info=label("Tình trạng", "Status")
    )
    assignee: Mapped[str | None] = mapped_column(
        String(200), info=label("Người thực hiện", "Assignee")
    )
    source_kind: Mapped[str | None] = mapped_column(
        String(40), index=True, info=label("Loại hồ sơ nguồn", "Source kind")
    )
    source_uuid: Mapped[str | None] = mapped_column(
        String(36), index=True, info=label("Hồ sơ nguồn", "Source record")
    )
    done_on: Mapped[dt.date | None] = mapped_column(info=label("Ngày hoàn thành", "Done on"))
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))
