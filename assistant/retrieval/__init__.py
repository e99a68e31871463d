"""Index and search: BM25 over jieba tokens + chromadb vectors, fused by chunk id."""
