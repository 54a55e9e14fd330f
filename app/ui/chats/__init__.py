"""The chat history import wizard (PRODUCT.md §5, issue #18) and how the window opens it."""
