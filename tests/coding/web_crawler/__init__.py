"""Level tests for docs/coding/web-crawler.md. Each test_levelN.py runs against
every kept state of the reference that reached level N, or against a reader's
file with --impl (see tools/practice.py). conftest.py fails any test whose
crawl leaves a thread running; test_reference.py and test_fetcher.py test our
own code only."""
