-- Headless Neovim (0.7+) formatting a notes file and asking for completions, as a user does.
-- Env: CONFNOTES_NVIM (this folder), CONFNOTES_FILE (notes to open), and common.lua's.
local common = dofile(os.getenv('CONFNOTES_NVIM') .. '/common.lua')
local result = common.result

common.run(function()
  local buf, id = common.open_notes(os.getenv('CONFNOTES_FILE'))

  -- The user's command: vim.lsp.buf.format() (0.8+), formatting_sync() before it.
  if vim.lsp.buf.format then vim.lsp.buf.format({ async = false, timeout_ms = 10000 }) else vim.lsp.buf.formatting_sync(nil, 10000) end
  result.formatted = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')

  -- Completion on a new empty line at the end: the next session header.
  local last = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, last, last, false, { '' })
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = last, character = 0 } }
  local answer = common.request(buf, id, 'textDocument/completion', params)
  result.completion = {}
  for _, item in ipairs(answer and (answer.items or answer) or {}) do table.insert(result.completion, item.label) end
  common.finish(0)
end)
