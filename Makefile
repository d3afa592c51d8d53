.PHONY: build test screen lint bench fuzz clean

build:
	scripts/setup build
	swift build -c release --product indicia

test:
	scripts/test

screen:
	scripts/screen

lint:
	swift run -q indicia lint

bench:
	scripts/bench

fuzz:
	scripts/fuzz

clean:
	rm -rf .build
