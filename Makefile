# The two commands of the README: `make demo` and `make test`. Everything else is set up
# by them on a fresh machine that has only Python 3.11 (and Java 17 for reasoning).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
STORE := .cchc-store

.PHONY: demo test test-slow bench clean

$(STAMP): pyproject.toml
	@echo "==> Tạo môi trường Python $(VENV) và cài cchc cùng các thư viện (lần đầu khoảng 1–2 phút)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	@echo "==> Nạp 5 văn bản mẫu (examples/corpus) vào kho $(STORE) — các lệnh trong README dùng kho này khi đặt CCHC_STORE=$(STORE)"
	$(BIN)/cchc ingest --store $(STORE) examples/corpus
	$(BIN)/cchc units load --store $(STORE)
	@echo "==> Hỏi đáp: văn bản trong kho, ai chủ trì, ma trận trách nhiệm, lịch báo cáo"
	$(BIN)/cchc docs list --store $(STORE)
	$(BIN)/cchc query documents_by_kind --store $(STORE)
	$(BIN)/cchc who-leads "thủ tục hành chính" --store $(STORE)
	$(BIN)/cchc matrix --unit "Quảng Nam" --store $(STORE)
	$(BIN)/cchc matrix --unit "Quảng Nam" --store $(STORE) --out out/ma-tran-quang-nam.xlsx
	$(BIN)/cchc agency "Phòng Tư pháp" --store $(STORE)
	$(BIN)/cchc query gaps --param unit="Chợ Mới" --store $(STORE)
	$(BIN)/cchc calendar --year 2026 --unit "Chợ Mới" --store $(STORE)
	@echo "==> So sánh các đơn vị"
	$(BIN)/cchc compare --all --area "thể chế" --store $(STORE)
	$(BIN)/cchc compare "Mỹ Xuyên" "Chợ Mới" --store $(STORE) --out out/so-sanh.html
	@echo "==> Soạn thảo văn bản mới theo mẫu Nghị định 30/2020/NĐ-CP"
	$(BIN)/cchc draft quy-che-bcd --profile examples/profiles/xa-tan-phu.yaml --like "Mỹ Xuyên" --store $(STORE) --out out/quy-che-bcd-xa-tan-phu.docx
	$(BIN)/cchc draft ke-hoach --profile examples/profiles/tinh-quang-ngai.yaml --out out/ke-hoach-tinh-quang-ngai.docx
	@echo "==> Đơn vị hành chính sau sắp xếp, căn cứ hết hiệu lực, soạn lại cho xã, phường mới"
	$(BIN)/cchc units fate "huyện Mỹ Xuyên" --province "Sóc Trăng"
	$(BIN)/cchc query outdated_bases --store $(STORE)
	$(BIN)/cchc migrate "Mỹ Xuyên" --store $(STORE) --out out/chuyen-doi --report out/chuyen-doi/bao-cao.md
	@echo "==> Kiểm tra lỗi một văn bản mẫu (văn bản có lỗi nên lệnh trả mã 1)"
	$(BIN)/cchc lint examples/corpus/002_e8832a6717c418ce.txt || true  # exits 1: the sample has defects
	@echo "==> Xong. Kho đồ thị: $(STORE). Các tệp đã ghi:"
	@find out -type f | sort | sed 's/^/    /'
	@echo "==> Giao diện web: $(BIN)/cchc web --store $(STORE)  (mở http://127.0.0.1:8765)"

test: $(STAMP)
	$(BIN)/ruff check .
	bash scripts/typecheck.sh
	$(BIN)/python -m pytest -q

test-slow: $(STAMP)
	bash scripts/install-slow-deps.sh
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	$(BIN)/python -m pytest -q -m slow

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/draft_bench.py
	$(BIN)/python benchmarks/scale.py 100 1000 10000 --corpus synth --keep out/bench-corpus

clean:
	rm -rf $(VENV) $(STORE) build dist out
