.PHONY: test

# The README names scripts/test.sh (make may be absent); this is a shortcut.
test:
	scripts/test.sh
