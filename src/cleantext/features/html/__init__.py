"""Measures of HTML pages: element statistics, element runs, class-word vocabulary and concepts, region scores."""
