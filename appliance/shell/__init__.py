"""The staff app shell: navigation, home redirects and honest "not installed yet" pages."""
