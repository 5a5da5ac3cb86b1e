"""Run cleantext on an existing distributed engine. See docs/pipelines.md.

- cleantext.integrations.dask: Dask bags (local processes, or any cluster through dask.distributed);
  install with ``pip install 'cleantext[dask]'``.
"""
