"""Knowledge base: legal documents, article-level search, procedure catalogue, summaries."""

from __future__ import annotations

from appliance.auth.roles import STAFF_ROLES
from appliance.features import AdminLink, Feature, NavEntry


def manifest() -> Feature:
    # parts load when the loader asks (appliance.features explains why)
    from appliance.knowledge import (
        admin_routes,
        cli,
        demo,
        doctor,
        jobs,
        library_routes,
        phapdien_routes,
        routes,
        schema,
        summary_routes,
    )

    return Feature(
        name="knowledge",
        routers=(summary_routes.router, admin_routes.router, phapdien_routes.router, library_routes.router,
                 routes.router),
        nav=(NavEntry("/tra-cuu", "Tra cứu", STAFF_ROLES, "⌕", order=30),
             NavEntry("/tom-tat", "Tóm tắt", STAFF_ROLES, "≡", order=50)),
        admin_links=(AdminLink("/quan-tri/thu-tuc", "Danh mục thủ tục",
                               "Thủ tục hành chính: căn cứ, thời hạn, lệ phí, hồ sơ, nơi nộp "
                               "(dùng cho tra cứu và tổng đài công dân)"),
                     AdminLink("/quan-tri/phap-dien", "Nhập Bộ Pháp điển",
                               "Nhập các trang đề mục Pháp điển vào thư viện văn bản (nguyên văn, kèm chú thích "
                               "nguồn); sổ văn bản và hiệu lực")),
        cli=(cli.register,),
        migrations=tuple(schema.MIGRATIONS),
        requires=("auth",),
        tables=("procedures", "kb_documents", "kb_chunks", "kb_fts", "kb_vectors", "kb_articles", "kb_document_history",
                "kb_vocab"),
        jobs=jobs.HANDLERS,
        body_limits={**library_routes.BODY_LIMITS, **summary_routes.BODY_LIMITS},
        demo=demo.load,
        demo_label="thư viện văn bản pháp luật, danh mục thủ tục",
        doctor=doctor.checks,
    )
