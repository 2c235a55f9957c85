"""The knowledge core: parsing, chunking, embedding, the vector store and the document catalog.

Nothing here imports Qt or talks to an LLM; the assistant and the desktop UI build on it.
"""
