// "Nạp văn bản": each chosen or dropped file is sent on its own, with its own progress bar
// and its own answer. Without JavaScript the form posts all files at once and the page
// lists the same answers.
(function () {
  "use strict";
  var form = document.getElementById("nap-van-ban");
  var input = document.getElementById("chon-tep");
  var zone = document.getElementById("vung-tha");
  var results = document.getElementById("ket-qua");
  if (!form || !input || !zone || !results || !window.FormData) { return; }
  var token = form.querySelector("input[type=hidden]");

  function send(file) {
    var item = document.createElement("li");
    var name = document.createElement("strong");
    name.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100; bar.value = 0;
    bar.setAttribute("aria-label", "Tiến độ tải lên " + file.name);
    var state = document.createElement("span");
    state.textContent = " đang tải lên…";
    item.append(name, " ", bar, state);
    results.prepend(item);
    var data = new FormData();
    data.append(token.name, token.value);
    data.append("files", file, file.name);
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("HX-Request", "true");
    request.upload.onprogress = function (event) {
      if (event.lengthComputable) { bar.value = Math.round(100 * event.loaded / event.total); }
    };
    request.upload.onload = function () { bar.value = 100; state.textContent = " đang phân tích…"; };
    request.onload = function () {
      var answer = document.createElement("template");
      answer.innerHTML = request.responseText.trim();
      if (answer.content.children.length) { item.replaceWith(answer.content); }
      else { state.textContent = " lỗi máy chủ (" + request.status + ")"; }
    };
    request.onerror = function () { state.textContent = " mất kết nối tới máy chủ"; };
    request.send(data);
  }

  function sendAll(files) {
    Array.prototype.forEach.call(files, send);
    input.value = "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (input.files.length) { sendAll(input.files); }
  });
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) { sendAll(event.dataTransfer.files); }
  });
})();
