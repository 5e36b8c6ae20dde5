"""Task tracker: tasks assigned in meetings and documents, followed to done."""
