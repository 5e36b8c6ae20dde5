"""Drafting service: create, edit, issue and render documents. The API, the page and other
features (the meetings pipeline writes its biên bản through `create_draft`) all come here.

`create_draft(conn, settings, payload, user)` takes the body of POST /api/v1/drafts (CONTRACT
§2) plus optional fields (don_vi, kinh_gui, quyen_han, thanh_phan, thoi_gian, dia_diem and, for
biên bản, thoi_gian_bat_dau, chu_tri, thu_ky, ket_luan, thoi_gian_ket_thuc) and returns what
the API returns: {"id", "so_ky_hieu", "docx_url", "text", …}.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Literal, TypedDict

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from appliance.auth.audit import audit
from appliance.auth.users import User
from appliance.config import Settings, load_settings
from appliance.db import connect, transaction
from appliance.drafting import bien_ban, numbering, store
from appliance.drafting.composer import compose_body, fill, split_lines, template_values
from appliance.drafting.doctypes import TemplateError, load_doctype
from appliance.drafting.docx_render import render_model
from appliance.drafting.model import (
    DocumentModel,
    Signer,
    clean_unit,
    issuer_lines,
    ky_hieu_for,
    resolve_signer,
    to_plain_text,
)
from appliance.engines import Generator
from appliance.http.errors import AppError, validation_problem
from appliance.text import fold, normalize, parse_date
from appliance.text.formatting import local_today
from appliance.ward.service import ward_settings

DocTypeCode = Literal["cong_van", "thong_bao", "bao_cao", "to_trinh", "ke_hoach", "giay_moi", "quyet_dinh",
                      "bien_ban"]
TextOrList = str | list[str] | None


class DraftRequest(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    doc_type: DocTypeCode
    trich_yeu: str = Field(min_length=1, max_length=500)
    noi_dung: TextOrList = None
    yeu_cau: str | None = Field(default=None, max_length=4000)
    noi_nhan: list[str] = Field(default_factory=list)
    nguoi_ky: str | None = None
    chuc_vu: str | None = None
    ngay: str | None = None
    # optional extras
    don_vi: str | None = None
    kinh_gui: TextOrList = None
    quyen_han: str | None = None
    thanh_phan: TextOrList = None
    thoi_gian: str | None = None
    dia_diem: str | None = None
    thoi_gian_bat_dau: str | None = None
    chu_tri: str | None = None
    thu_ky: str | None = None
    ket_luan: TextOrList = None
    thoi_gian_ket_thuc: str | None = None
    phan_cong: list[list[str]] | None = None     # biên bản: rows (who, unit, what, by when) of the tasks table
    phu_luc: TextOrList = None                   # a phụ lục after the signatures (a meeting's transcript)
    phu_luc_tieu_de: str | None = Field(default=None, max_length=300)
    engine: str | None = Field(default=None, max_length=80)

    @field_validator("noi_nhan", mode="before")
    @classmethod
    def _lines(cls, value: object) -> object:
        return split_lines(value) if isinstance(value, str) else value

    @field_validator("noi_dung", "kinh_gui", "thanh_phan", "ket_luan", "phu_luc", mode="before")
    @classmethod
    def _join(cls, value: object) -> object:
        return "\n".join(str(v) for v in value) if isinstance(value, list) and value else value


def _as_list(value: TextOrList) -> list[str]:
    if isinstance(value, list):
        return [normalize(v).strip() for v in value if v.strip()]
    return split_lines(value)


def _validation_message(exc: ValidationError) -> str:
    names = {"doc_type": "loại văn bản", "trich_yeu": "trích yếu", "ngay": "ngày"}
    parts = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"])
        parts.append(f"{names.get(field, field)}: {validation_problem(err)}")
    return "Dữ liệu dự thảo không hợp lệ: " + "; ".join(parts)


def _parse_day(raw: str | None, field: str = "ngày") -> dt.date | None:
    if not raw:
        return None
    day = parse_date(raw)
    if day is None:
        raise AppError(422, f"{field.capitalize()} không đúng định dạng (YYYY-MM-DD hoặc dd/mm/yyyy): {raw}", "invalid")
    return day


def _person(text: str | None) -> str:
    """"Nguyễn Văn An - Chủ tịch UBND phường" → "Nguyễn Văn An" for the signature line."""
    value = normalize(text or "").strip()
    for sep in (" - ", " – ", ",", "("):
        value = value.split(sep)[0]
    return value.strip()


def build_model(settings: Settings, payload: Mapping[str, object], *, generator: Generator | None = None,
                use_registry: bool = True,
                on_text: Callable[[str], None] | None = None) -> tuple[DocumentModel, str | None]:
    try:
        req = DraftRequest.model_validate(payload)
    except ValidationError as exc:
        raise AppError(422, _validation_message(exc), "invalid") from None
    try:
        doctype = load_doctype(settings, req.doc_type)
        don_vi = clean_unit(req.don_vi)
    except (TemplateError, ValueError) as exc:
        raise AppError(422, str(exc), "invalid") from None
    data = req.model_dump()
    day = _parse_day(req.ngay) or local_today()
    note: str | None
    if req.doc_type == "bien_ban":
        if not req.ngay:
            day = bien_ban.meeting_date(data, day)
        body = bien_ban.body_lines(data, day)
        has_content = bool(req.noi_dung) or bien_ban.has_structure(data)
        engine = req.engine or ("person" if has_content else "template")
        note = None if has_content else "Khung biên bản theo Mẫu 1.9: hãy điền các dấu “…”."
        signers = [Signer("", "THƯ KÝ", _person(req.thu_ky)), Signer("", "CHỦ TỌA", _person(req.chu_tri))]
    else:
        body, engine, note = compose_body(settings, doctype, data, don_vi, generator, use_registry, on_text)
        if req.engine and engine == "person":
            engine = req.engine
        signers = [resolve_signer(settings, req.nguoi_ky, req.chuc_vu, req.quyen_han)]
    noi_nhan = [n for n in _as_list(req.noi_nhan) if not fold(n).lstrip("- ").startswith("luu")]
    kinh_gui = _as_list(req.kinh_gui)
    if doctype.kinh_gui and not kinh_gui:
        # "Kính gửi" names the recipients; nơi nhận then says "Như trên" (Phụ lục I, ô 9).
        kinh_gui, noi_nhan = (noi_nhan, ["Như trên"]) if noi_nhan else (["…"], [])
    values = template_values(settings, data, don_vi)
    if not noi_nhan:
        noi_nhan = fill(doctype.noi_nhan_mac_dinh, values)
    model = DocumentModel(
        doc_type=req.doc_type,
        ten_loai=doctype.ten_loai,
        co_quan_chu_quan=settings.ward_parent,
        co_quan_ban_hanh=issuer_lines(settings),
        ky_hieu=ky_hieu_for(req.doc_type, doctype.viet_tat, don_vi, settings.ward_unit_code or "UBND"),
        dia_danh=settings.ward_place,
        ngay=day.isoformat(),
        trich_yeu=normalize(req.trich_yeu),
        body=body,
        signers=signers,
        noi_nhan=noi_nhan,
        luu=doctype.luu.format_map({"don_vi": don_vi}),
        kinh_gui=kinh_gui if doctype.kinh_gui else [],
        show_date_line=req.doc_type != "bien_ban",
        engine=engine,
        appendix_title=normalize(req.phu_luc_tieu_de or "") if req.phu_luc else "",
        appendix=_as_list(req.phu_luc),
    )
    return model, note


def docx_url(document_id: int) -> str:
    return f"/api/v1/drafts/{document_id}/docx"


class DraftSummary(TypedDict):
    """A document in the list (GET /api/v1/drafts)."""

    id: int
    so_ky_hieu: str
    docx_url: str
    doc_type: str
    trich_yeu: str
    status: str  # draft | issued
    is_draft: bool
    engine: str
    ngay: str  # ISO date
    note: str | None


class Draft(DraftSummary):
    """What POST /api/v1/drafts (CONTRACT §2) and the edit/issue calls return."""

    text: str


class DraftListItem(DraftSummary):
    updated_at: str
    created_by_name: str | None


class DraftDetail(Draft):
    model: dict[str, Any]  # the stored DocumentModel as JSON
    created_by_name: str | None
    updated_at: str


def _summary(row: sqlite3.Row, model: DocumentModel, note: str | None = None) -> DraftSummary:
    return {"id": row["id"], "so_ky_hieu": model.so_ky_hieu, "docx_url": docx_url(row["id"]),
            "doc_type": model.doc_type, "trich_yeu": model.trich_yeu, "status": row["status"],
            "is_draft": model.is_draft, "engine": row["engine"], "ngay": model.ngay, "note": note}


def answer(row: sqlite3.Row, note: str | None = None) -> Draft:
    model = DocumentModel.from_dict(json.loads(row["model"]))
    return {**_summary(row, model, note), "text": to_plain_text(model)}


def _row(conn: sqlite3.Connection, document_id: int) -> sqlite3.Row:
    row = store.document(conn, document_id)
    if row is None:
        raise AppError(404, "Không tìm thấy dự thảo văn bản.", "not_found")
    return row


@contextmanager
def _atomic(conn: sqlite3.Connection) -> Iterator[None]:
    """The document and its audit row together; joins a transaction the caller already opened
    (the meetings pipeline may write its biên bản inside its own)."""
    if conn.in_transaction:
        yield
    else:
        with transaction(conn):
            yield


def _model_json(model: DocumentModel) -> str:
    return json.dumps(model.to_dict(), ensure_ascii=False)


def create_draft(conn: sqlite3.Connection, settings: Settings, payload: Mapping[str, object], user: User | None,
                 *, generator: Generator | None = None, use_registry: bool = True,
                 on_text: Callable[[str], None] | None = None) -> Draft:
    """A new draft; `on_text(body_so_far)` sees a model-written body grow (the streaming route's progress)."""
    settings = ward_settings(conn, settings)  # the ND30 header from the ward's own profile (ward setup)
    model, note = build_model(settings, payload, generator=generator, use_registry=use_registry, on_text=on_text)
    doctype = load_doctype(settings, model.doc_type)
    with _atomic(conn):
        document_id = store.insert_document(
            conn, doc_type=model.doc_type, register=doctype.so_dang_ky, trich_yeu=model.trich_yeu,
            trich_yeu_fold=fold(model.trich_yeu), model_json=_model_json(model), engine=model.engine,
            created_by=user.id if user else None, created_by_name=user.display_name if user else None)
        audit(conn, "drafting.create", user=user, target=str(document_id),
              detail={"doc_type": model.doc_type, "trich_yeu": model.trich_yeu}, engine=model.engine)
    return answer(_row(conn, document_id), note)


def get_model(conn: sqlite3.Connection, document_id: int) -> DocumentModel:
    return DocumentModel.from_dict(json.loads(_row(conn, document_id)["model"]))


def get_document(conn: sqlite3.Connection, document_id: int) -> DraftDetail:
    row = _row(conn, document_id)
    return {**answer(row), "model": json.loads(row["model"]), "created_by_name": row["created_by_name"],
            "updated_at": row["updated_at"]}


class DraftChanges(BaseModel):
    """An officer's edits (PUT /api/v1/drafts/{id}); only the fields sent change."""

    model_config = ConfigDict(extra="ignore")
    trich_yeu: str | None = None
    noi_dung: TextOrList = None
    kinh_gui: TextOrList = None
    noi_nhan: TextOrList = None
    nguoi_ky: str | None = None
    chuc_vu: str | None = None
    quyen_han: str | None = None
    ngay: str | None = None
    thu_ky: str | None = None
    chu_tri: str | None = None
    phu_luc: TextOrList = None
    phu_luc_tieu_de: str | None = None
    engine: str | None = Field(default=None, max_length=80)

    @field_validator("noi_dung", "phu_luc", mode="before")
    @classmethod
    def _join(cls, value: object) -> object:
        return "\n".join(str(v) for v in value) if isinstance(value, list) and value else value


def update_draft(conn: sqlite3.Connection, settings: Settings, document_id: int,
                 changes: DraftChanges | Mapping[str, object], user: User | None) -> Draft:
    """An officer's edits. Issued documents are frozen (Điều 10: corrections go in a new document)."""
    edit = changes if isinstance(changes, DraftChanges) else DraftChanges.model_validate(changes)
    sent = edit.model_fields_set
    row = _row(conn, document_id)
    if row["status"] == "issued":
        raise AppError(409, "Văn bản đã ban hành, không sửa được. Hãy soạn văn bản mới nếu cần đính chính.",
                       "already_issued")
    model = DocumentModel.from_dict(json.loads(row["model"]))
    if "trich_yeu" in sent:
        trich_yeu = normalize(edit.trich_yeu or "").strip()
        if not trich_yeu:
            raise AppError(422, "Trích yếu không được để trống.", "invalid")
        model.trich_yeu = trich_yeu
    if "noi_dung" in sent:
        model.body = _as_list(edit.noi_dung) or ["…"]
    if "kinh_gui" in sent and model.doc_type in ("cong_van", "to_trinh"):
        model.kinh_gui = _as_list(edit.kinh_gui)
    if "noi_nhan" in sent:
        model.noi_nhan = [n for n in _as_list(edit.noi_nhan) if not fold(n).lstrip("- ").startswith("luu")]
    if "ngay" in sent and edit.ngay:
        model.ngay = (_parse_day(edit.ngay) or model.date).isoformat()
    if "phu_luc" in sent:
        model.appendix = _as_list(edit.phu_luc)
    if "phu_luc_tieu_de" in sent:
        model.appendix_title = normalize(edit.phu_luc_tieu_de or "")
    if "engine" in sent and edit.engine:
        model.engine = edit.engine
    if model.doc_type == "bien_ban":
        if "thu_ky" in sent:
            model.signers[0].name = _person(edit.thu_ky)
        if "chu_tri" in sent:
            model.signers[1].name = _person(edit.chu_tri)
    elif {"nguoi_ky", "chuc_vu", "quyen_han"} & sent:
        current = model.signers[0] if model.signers else Signer("", "", "")
        model.signers = [resolve_signer(settings, edit.nguoi_ky if "nguoi_ky" in sent else current.name,
                                        edit.chuc_vu or None, edit.quyen_han)]
    with _atomic(conn):
        store.update_draft(conn, document_id, model_json=_model_json(model), trich_yeu=model.trich_yeu,
                           trich_yeu_fold=fold(model.trich_yeu))
        audit(conn, "drafting.edit", user=user, target=str(document_id), detail={"fields": sorted(sent)})
    return answer(_row(conn, document_id))


def issue_document(conn: sqlite3.Connection, document_id: int, user: User | None,
                   on: dt.date | None = None) -> Draft:
    """Approve and number: the next number of the register for the issue date's year."""
    model = numbering.issue(conn, document_id, on or local_today(), user.display_name if user else "")
    audit(conn, "drafting.issue", user=user, target=str(document_id), detail={"so_ky_hieu": model.so_ky_hieu})
    return answer(_row(conn, document_id))


def list_documents(conn: sqlite3.Connection, *, status: str | None = None, q: str | None = None,
                   limit: int = 100) -> list[DraftListItem]:
    rows = store.documents(conn, status=status if status in ("draft", "issued") else None,
                           folded_query=fold(q) if q else None, limit=max(1, min(limit, 500)))
    return [{**_summary(row, DocumentModel.from_dict(json.loads(row["model"]))), "updated_at": row["updated_at"],
             "created_by_name": row["created_by_name"]} for row in rows]


def render_docx(target: int | DocumentModel, conn: sqlite3.Connection | None = None,
                settings: Settings | None = None) -> bytes:
    """The .docx of a stored document (by id, with `conn` or `settings`) or of a model."""
    if isinstance(target, DocumentModel):
        return render_model(target)
    if conn is not None:
        return render_model(get_model(conn, target))
    if settings is None:
        settings = load_settings()
    own = connect(settings.db_path)
    try:
        return render_model(get_model(own, target))
    finally:
        own.close()
