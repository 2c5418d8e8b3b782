"""``cchc web``: the local web workbench (``cchc.web``) served by uvicorn until Ctrl+C."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cchc.cli.console import err
from cchc.cli.options import StoreDir
from cchc.graph.store import default_store_dir

DEFAULT_WEB_PORT = 8765


def web_command(
    store_dir: StoreDir = None,
    host: Annotated[str, typer.Option("--host", help="Địa chỉ lắng nghe (mặc định chỉ máy này).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Cổng lắng nghe.")] = DEFAULT_WEB_PORT,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Cho phép lắng nghe trên địa chỉ không phải loopback (cần --token).")
    ] = False,
    token: Annotated[
        Optional[str], typer.Option("--token", envvar="CCHC_WEB_TOKEN", help="Mã truy cập mà mọi yêu cầu phải mang theo.", show_default=False)
    ] = None,
) -> None:
    """Mở giao diện web trên trình duyệt: văn bản, nạp văn bản, ma trận trách nhiệm, so sánh, lịch báo cáo, soạn thảo, SPARQL chỉ đọc."""
    from cchc.graph.store.endpoint import is_loopback

    remote = not is_loopback(host)
    if remote and not (allow_remote and token):
        raise typer.BadParameter(f"lắng nghe trên {host} mở giao diện ra mạng: cần cả --allow-remote và --token MÃ", param_hint="--host")
    directory = Path(store_dir) if store_dir else default_store_dir()
    import uvicorn  # the server: only this command

    from cchc.web.app import create_app
    from cchc.web.security import LOOPBACK_HOSTS

    app = create_app(directory, token=token, allowed_hosts=None if remote else LOOPBACK_HOSTS)
    address = f"http://{'127.0.0.1' if host in ('127.0.0.1', 'localhost') else host}:{port}"
    if remote:
        err.print(f"[bold yellow]Cảnh báo:[/] giao diện mở ra mạng tại {host}; chỉ ai có mã truy cập mới vào được.", highlight=False)
    err.print(f"Giao diện web: {address}/  (kho {directory}; Ctrl+C để dừng)", highlight=False, soft_wrap=True, markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("web")(web_command)
