-- Drives the hull set-up in headless Neovim: diagnostics on open and after an edit, a code action's fix, then a rename.
local file, result = os.getenv("HULL_NVIM_FILE"), os.getenv("HULL_NVIM_RESULT")
local out = {}
local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(list, tostring(d.code)) end
  table.sort(list)
  return list
end
local function has(code)
  for _, c in ipairs(codes()) do if c == code then return true end end
  return false
end
vim.cmd("edit " .. file)
out.filetype = vim.bo.filetype
out.opened = vim.wait(20000, function() return has("no-latest-tag") end, 20)
out.on_open = codes()
vim.api.nvim_buf_set_lines(0, 0, 1, false, { "FROM node:22" })
out.edited = vim.wait(20000, function() return not has("no-latest-tag") end, 20)
out.after_edit = codes()
local params = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = 2, character = 4 }, ["end"] = { line = 2, character = 4 } },
  context = { diagnostics = {} },
}
out.actions = {}
for _, response in pairs(vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 20000) or {}) do
  for _, action in ipairs(response.result or {}) do
    table.insert(out.actions, action.title)
    if action.title == "Fix this legacy-key-value-format problem" then
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
    end
  end
end
local rename = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  position = { line = 2, character = 4 },
  newName = "APP",
}
out.renamed = false
for _, response in pairs(vim.lsp.buf_request_sync(0, "textDocument/rename", rename, 20000) or {}) do
  if response.result then
    vim.lsp.util.apply_workspace_edit(response.result, "utf-16")
    out.renamed = true
  end
end
vim.cmd("write")
vim.fn.writefile({ vim.fn.json_encode(out) }, result)
vim.cmd("qa!")
