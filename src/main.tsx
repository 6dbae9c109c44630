/** Entry of the full map (index.html). */
import { mountAtlas } from './ui/mount';
import './ui/atlas.css';

mountAtlas('full');
