/** Entry of the embed page (embed.html): the same app with minimal chrome. */
import { reportPreferredHeight } from './ui/embed-height';
import { mountAtlas } from './ui/mount';
import './ui/atlas.css';

reportPreferredHeight();
mountAtlas('embed');
