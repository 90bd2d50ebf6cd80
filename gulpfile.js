const { src, dest } = require('gulp');

// n8n loads node icons and codex files (*.node.json) from beside the compiled node files.
function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

exports['build:assets'] = copyAssets;
