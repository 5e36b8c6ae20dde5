"""Knowledge base: legal documents, article-level search, procedure catalogue, summaries."""
