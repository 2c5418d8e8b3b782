"""``cchc serve-sparql``: the embedded store as a read-only SPARQL 1.1 Protocol endpoint.

The server itself is ``cchc.graph.store.endpoint``; this command only picks the store,
refuses to open the endpoint to the network unless told to, and runs until Ctrl+C.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc.cli.console import err
from cchc.cli.options import StoreDir
from cchc.graph.store import DEFAULT_HOST, DEFAULT_PORT, default_store_dir


def serve_command(
    store_dir: StoreDir = None,
    host: Annotated[str, typer.Option("--host", help="Địa chỉ lắng nghe (mặc định chỉ máy này).")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Cổng lắng nghe.")] = DEFAULT_PORT,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Cho phép lắng nghe trên địa chỉ không phải loopback (mở ra mạng).")
    ] = False,
    union_default_graph: Annotated[
        bool, typer.Option("--union-default-graph", help="Đồ thị mặc định là hợp của mọi văn bản (không cần GRAPH ?g).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Không ghi nhật ký từng yêu cầu.")] = False,
) -> None:
    """Phục vụ kho đồ thị nhúng như một điểm truy cập SPARQL 1.1 chỉ đọc (YASGUI, SPARQLWrapper, curl)."""
    from cchc.graph.store.endpoint import is_loopback, make_server  # the HTTP server: only this command

    directory = Path(store_dir) if store_dir else default_store_dir()
    if not directory.exists():  # serving an empty store just made would answer nothing, silently
        from cchc.errors import StoreError

        raise StoreError(f"không tìm thấy kho đồ thị {directory}: hãy nạp văn bản trước (cchc ingest TỆP --store {directory})")
    log = None if quiet else (lambda line: err.print(line, markup=False, highlight=False, soft_wrap=True))
    server = make_server(directory, host=host, port=port, allow_remote=allow_remote, union_default_graph=union_default_graph, log=log)
    if not is_loopback(host):
        err.print(
            f"[bold yellow]Cảnh báo:[/] điểm truy cập mở ra mạng tại {host}; mọi máy truy cập được địa chỉ này đều đọc được toàn bộ kho.",
            highlight=False,
        )
    err.print(f"Điểm truy cập SPARQL chỉ đọc: {server.url}  (kho {directory}; Ctrl+C để dừng)", highlight=False, soft_wrap=True)
    err.print("Văn bản nạp thêm trong lúc máy chủ chạy sẽ hiện ra sau khi khởi động lại.", style="dim", highlight=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        err.print("Đã dừng điểm truy cập SPARQL.", highlight=False)
    finally:
        server.close()


def register(app: typer.Typer) -> None:
    app.command("serve-sparql")(serve_command)
